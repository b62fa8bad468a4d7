package com.tobacco.retailcrm.service.item;

import java.time.Instant;

/** 服务项目 — one service the company promises its retailers, with the written standard staff work to. */
public record ServiceItem(String code, String category, String name, String standard, long version,
                          String updatedBy, Instant updatedAt) {
}
