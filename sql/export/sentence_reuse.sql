select * from sentence_reuse
