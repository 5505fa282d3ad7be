// Each test class starts a whole server and drives a browser; on two cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
