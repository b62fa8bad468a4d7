package com.tobacco.retailcrm.shared.web;

import java.util.Set;

/**
 * One entry of the left-hand menu. Each module declares its own entries as beans, so a menu entry appears exactly
 * when its capability exists; the layout shows a user the entries any of their roles may open.
 *
 * @param group    message key of the menu group (e.g. {@code menu.group.system})
 * @param labelKey message key of the entry's label
 * @param path     the page it opens
 * @param icon     a Bootstrap Icons name without the {@code bi-} prefix
 * @param roles    role names that see it
 * @param order    position, lower first; groups are ordered by their lowest entry
 */
public record MenuEntry(String group, String labelKey, String path, String icon, Set<String> roles, int order) {
}
