select * from outlet_text_reuse
