-- Pinyin initials are searched as a prefix only (hx finds hxcs through customer_initials_prefix), so their trigram
-- index answered no query while every new or renamed customer paid for its upkeep (a bulk import most of all).
drop index customer_initials_trgm;
