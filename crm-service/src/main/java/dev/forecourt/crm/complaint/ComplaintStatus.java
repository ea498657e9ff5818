package dev.forecourt.crm.complaint;

/** OPEN until resolved; RESOLVED until the second callback verifies it (or staff close it); then CLOSED. */
public enum ComplaintStatus { OPEN, RESOLVED, CLOSED }
