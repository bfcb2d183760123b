// The scheduler's jobs (grant expiry, drift audit, reports) arrive with the scheduler issue;
// until then this worker only states that it has nothing to run.
Console.WriteLine("iamgov scheduler: no jobs are defined yet");
