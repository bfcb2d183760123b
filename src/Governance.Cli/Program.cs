using Governance.Cli;

return CliApp.Run(args, Console.OpenStandardInput(), Console.Out, Console.Error);
