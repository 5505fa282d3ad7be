// Each test class starts a whole server; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
