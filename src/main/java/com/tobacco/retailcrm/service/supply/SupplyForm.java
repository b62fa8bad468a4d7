package com.tobacco.retailcrm.service.supply;

import java.util.ArrayList;
import java.util.List;

/** The request form as typed: five brand lines, of which the blank ones are left out. */
public class SupplyForm {

    static final int LINES = 5;

    private String customerCode;
    private String reason;
    private String eventDate;
    private boolean special;
    private String note;
    private List<Line> lines = new ArrayList<>();

    public SupplyForm() {
        for (int i = 0; i < LINES; i++) {
            lines.add(new Line());
        }
    }

    public static class Line {
        private String brandCode;
        private String qty;

        public String getBrandCode() { return brandCode; }
        public void setBrandCode(String v) { brandCode = v; }
        public String getQty() { return qty; }
        public void setQty(String v) { qty = v; }

        boolean blank() {
            return (brandCode == null || brandCode.isBlank()) && (qty == null || qty.isBlank());
        }
    }

    public String getCustomerCode() { return customerCode; }
    public void setCustomerCode(String v) { customerCode = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getEventDate() { return eventDate; }
    public void setEventDate(String v) { eventDate = v; }
    public boolean isSpecial() { return special; }
    public void setSpecial(boolean v) { special = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
    public List<Line> getLines() { return lines; }
    public void setLines(List<Line> v) { lines = v; }
}
