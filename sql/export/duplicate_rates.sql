select * from duplicate_rates
