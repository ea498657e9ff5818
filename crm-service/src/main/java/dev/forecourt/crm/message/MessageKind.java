package dev.forecourt.crm.message;

/** Why a customer gets a text. */
public enum MessageKind { LATE_VEHICLE, APPOINTMENT_CONFIRMATION, APPOINTMENT_REMINDER, MAINTENANCE_INVITATION }
