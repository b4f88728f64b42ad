-- Rows up to 8 kB stay uncompressed in the table (default: compressed from about 2 kB). A creation's event
-- and a complaint's snapshot weigh 2 to 3 kB: pglz spent CPU on each write and each read of the feed.
ALTER TABLE events SET (toast_tuple_target = 8160);
ALTER TABLE complaints SET (toast_tuple_target = 8160);
