package dev.forecourt.crm.complaint;

/**
 * How serious a complaint is. MAJOR complaints (重大问题客户投诉: a safety or quality problem, a
 * repeated failure, a complaint to the carmaker or the press) are what the store's complaint-rate
 * target (≤ 1 %) counts and what the department manager handles; NORMAL ones are every other
 * dissatisfaction, including those opened automatically from a low callback score.
 */
public enum ComplaintSeverity { MAJOR, NORMAL }
