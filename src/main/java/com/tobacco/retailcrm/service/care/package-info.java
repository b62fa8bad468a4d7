/**
 * 亲情服务 — the upcoming care of a manager's customers: birthdays, shop anniversaries and festivals of the working
 * calendar within a window, and vulnerable-group retailers (弱势群体) not yet visited for care within their cycle.
 */
package com.tobacco.retailcrm.service.care;
