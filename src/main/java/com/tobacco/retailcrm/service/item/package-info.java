/**
 * 服务项目 — the basic, marketing and value-added service items with their written standards: seeded from the seeds,
 * edited with a version and kept history, listed for staff and shown beside the action they describe.
 */
package com.tobacco.retailcrm.service.item;
