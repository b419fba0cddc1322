select * from removed_lines
