/**
 * 数据生命周期 — consent recorded when a customer's personal data is collected, and its destruction (with a record of
 * what, never the values) once a CANCELLED customer's retention period has run out.
 */
package com.tobacco.retailcrm.customer.lifecycle;
