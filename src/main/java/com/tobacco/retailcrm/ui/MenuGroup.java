package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.shared.web.MenuEntry;
import java.util.List;

/** One group of the sidebar as the layout renders it: its label key and the entries the user may open. */
public record MenuGroup(String labelKey, List<MenuEntry> entries) {
}
