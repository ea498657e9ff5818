package dev.forecourt.crm.customer;

/** ACTIVE customers visit; DORMANT ones have not been seen for the configured months (沉寂客户). */
public enum CustomerStatus { ACTIVE, DORMANT }
