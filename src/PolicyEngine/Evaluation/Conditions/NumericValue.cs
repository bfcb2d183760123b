namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// A number as a Numeric condition value writes it, compared exactly whatever its length: the sign, the integer digits
/// without leading zeros and the fraction digits without trailing zeros, as slices of the text.
/// </summary>
/// <remarks>
/// Slices rather than <see cref="decimal"/>, so that no value the grammar accepts is out of range or rounded
/// (<see cref="decimal"/> keeps 28 digits), and reading a request value allocates nothing.
/// </remarks>
internal readonly struct NumericValue : IComparable<NumericValue>, IEquatable<NumericValue>
{
    private readonly string _text;
    private readonly int _integerStart;
    private readonly int _integerLength;
    private readonly int _fractionStart;
    private readonly int _fractionLength;
    private readonly bool _negative;

    /// <summary>Builds the value from the slices <see cref="NumericOperators.TryParse"/> found; zero is never negative.</summary>
    internal NumericValue(string text, bool negative, int integerStart, int integerLength, int fractionStart, int fractionLength)
    {
        _text = text;
        _integerStart = integerStart;
        _integerLength = integerLength;
        _fractionStart = fractionStart;
        _fractionLength = fractionLength;
        _negative = negative && (integerLength > 0 || fractionLength > 0);
    }

    private ReadOnlySpan<char> Integer => _text.AsSpan(_integerStart, _integerLength);

    private ReadOnlySpan<char> Fraction => _text.AsSpan(_fractionStart, _fractionLength);

    public static bool operator ==(NumericValue left, NumericValue right) => left.Equals(right);

    public static bool operator !=(NumericValue left, NumericValue right) => !left.Equals(right);

    public static bool operator <(NumericValue left, NumericValue right) => left.CompareTo(right) < 0;

    public static bool operator <=(NumericValue left, NumericValue right) => left.CompareTo(right) <= 0;

    public static bool operator >(NumericValue left, NumericValue right) => left.CompareTo(right) > 0;

    public static bool operator >=(NumericValue left, NumericValue right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public int CompareTo(NumericValue other)
    {
        if (_negative != other._negative)
        {
            return _negative ? -1 : 1;
        }
        var magnitude = CompareMagnitude(other);
        return _negative ? -magnitude : magnitude;
    }

    /// <inheritdoc />
    public bool Equals(NumericValue other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NumericValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(_negative, string.GetHashCode(Integer, StringComparison.Ordinal), string.GetHashCode(Fraction, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString()
        => $"{(_negative ? "-" : string.Empty)}{(_integerLength == 0 ? "0" : Integer.ToString())}{(_fractionLength == 0 ? string.Empty : "." + Fraction.ToString())}";

    private int CompareMagnitude(NumericValue other)
    {
        // Without leading zeros, a longer integer part is a larger number; equal lengths compare digit by digit.
        if (_integerLength != other._integerLength)
        {
            return _integerLength.CompareTo(other._integerLength);
        }
        var integer = Integer.SequenceCompareTo(other.Integer);
        if (integer != 0)
        {
            return Math.Sign(integer);
        }
        // Without trailing zeros, fraction digits compare as strings: a proper prefix is the smaller number.
        return Math.Sign(Fraction.SequenceCompareTo(other.Fraction));
    }
}
