select * from run_history
