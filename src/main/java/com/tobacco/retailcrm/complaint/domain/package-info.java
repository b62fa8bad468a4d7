/**
 * The rules of a complaint: its enums, the status machine, due times and their pause, and which callbacks close it.
 * Free of storage and HTTP so each rule has a plain unit test.
 */
package com.tobacco.retailcrm.complaint.domain;
