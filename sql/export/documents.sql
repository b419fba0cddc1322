select * from documents
