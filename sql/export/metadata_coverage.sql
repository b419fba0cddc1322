select * from metadata_coverage
