select * from runs
