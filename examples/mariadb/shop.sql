CREATE DATABASE shop;
USE shop;
CREATE TABLE customers (
  id INT PRIMARY KEY,
  email VARCHAR(200) NOT NULL UNIQUE,
  full_name VARCHAR(200) NOT NULL,
  phone VARCHAR(40),
  notes TEXT
);
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL,
  total DECIMAL(10,2) NOT NULL,
  status VARCHAR(20) NOT NULL,
  FOREIGN KEY (customer_id) REFERENCES customers(id)
);
INSERT INTO customers
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 2000)
SELECT i, CONCAT('customer', i, '@example.com'), CONCAT('Name ', i),
       CONCAT('+1-555-', LPAD(i * 7919 % 10000, 4, '0')),
       IF(i % 3 = 0, 'it''s "quoted"\tand tabbed', NULL)
FROM seq;
INSERT INTO orders
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 6000)
SELECT i, 1 + i % 2000, (i * 13 % 100000) / 100.0, ELT(1 + i % 4, 'new', 'paid', 'shipped', 'cancelled')
FROM seq;
