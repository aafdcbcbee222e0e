package vn.sohoa.app.agency;

import vn.sohoa.core.code.AdministrativeLevel;

/** An agency or administrative unit with its one-stop desk. */
public record Agency(String code, String name, AdministrativeLevel level, String parentCode) {
}
