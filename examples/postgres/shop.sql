-- A small shop with personal data, for the demo and the tests.
CREATE DATABASE shop;
\c shop
CREATE TABLE customers (
  id         integer PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  full_name  text NOT NULL,
  phone      text,
  ssn        text,
  birth_date date,
  notes      text
);
CREATE TABLE orders (
  id          integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id),
  total       numeric(10,2) NOT NULL CHECK (total >= 0),
  status      text NOT NULL
);
INSERT INTO customers
SELECT i,
       'customer' || i || '@example.com',
       (ARRAY['Ada','Grace','Alan','Edsger','Barbara','Ken'])[1 + i % 6] || ' ' ||
       (ARRAY['Lovelace','Hopper','Turing','Dijkstra','Liskov','Thompson'])[1 + (i / 6) % 6],
       '+1-555-' || lpad((i * 7919 % 10000)::text, 4, '0'),
       lpad((i * 104729 % 1000000000)::text, 9, '0'),
       date '1950-01-01' + (i * 37 % 20000),
       CASE WHEN i % 3 = 0 THEN 'prefers email; tab	and "quotes"' END
FROM generate_series(1, 5000) AS i;
INSERT INTO orders
SELECT i, 1 + i % 5000, (i * 13 % 100000) / 100.0,
       (ARRAY['new','paid','shipped','cancelled'])[1 + i % 4]
FROM generate_series(1, 20000) AS i;
