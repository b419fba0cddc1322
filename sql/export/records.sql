select * from records
