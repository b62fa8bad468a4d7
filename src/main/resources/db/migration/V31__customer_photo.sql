-- 客户照片: storefront, counter and responsible-person photos. The file lives under CRM_DATA_DIR/photos named by
-- its SHA-256; the row holds only the hash and what is known about it.
create table customer_photo (
    id             bigserial primary key,
    customer_code  varchar(40)  not null references customer (customer_code) on update cascade,
    kind           varchar(16)  not null check (kind in ('STOREFRONT', 'COUNTER', 'PERSON')),
    sha256         char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content_type   varchar(16)  not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes     int          not null check (size_bytes > 0 and size_bytes <= 5242880),
    width          int          not null check (width > 0),
    height         int          not null check (height > 0),
    uploaded_by    varchar(50)  not null,
    uploaded_at    timestamptz  not null
);
create index customer_photo_customer on customer_photo (customer_code, kind, uploaded_at desc);
create index customer_photo_hash on customer_photo (sha256);
