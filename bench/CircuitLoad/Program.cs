using CustomerInsight.CircuitLoad;

return await LoadRun.MainAsync(args);
