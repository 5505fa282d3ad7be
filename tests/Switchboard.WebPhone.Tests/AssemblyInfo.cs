// The rig's processes, SIPp and the browser share two cores: the test classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
