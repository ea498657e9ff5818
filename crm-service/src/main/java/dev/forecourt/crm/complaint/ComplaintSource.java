package dev.forecourt.crm.complaint;

/** How the complaint reached the store. */
public enum ComplaintSource { LOW_SCORE, CALLBACK, INTAKE }
