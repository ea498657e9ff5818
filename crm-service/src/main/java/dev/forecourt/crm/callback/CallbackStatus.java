package dev.forecourt.crm.callback;

/** OPEN until the customer is reached (COMPLETED) or the attempts are used up (NOT_REACHED). */
public enum CallbackStatus { OPEN, COMPLETED, NOT_REACHED, CANCELLED }
