select * from quarantine
