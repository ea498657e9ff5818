package dev.forecourt.crm.customer;

/** Why a dormant customer stopped coming, as the customer told the reactivation call. */
public enum ChurnReason { MOVED_AWAY, SOLD_VEHICLE, PRICE, SERVICE_QUALITY, DISTANCE, INDEPENDENT_GARAGE, OTHER, UNKNOWN }
