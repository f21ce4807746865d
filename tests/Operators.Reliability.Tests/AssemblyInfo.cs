// Each fixture starts its own system (API server and operators as processes) and mostly waits on them, so
// the fixtures run side by side: the suite takes about as long as its longest fixture (the soak).
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
