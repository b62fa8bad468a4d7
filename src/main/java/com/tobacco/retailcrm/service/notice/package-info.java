/**
 * 信息互通 — notices to retailers (market news, policies, 货源公开) by audience, recorded per customer, delivered to the
 * retailer channel through a webhook outbox with retries, once across instances, with reading receipts.
 */
package com.tobacco.retailcrm.service.notice;
