package dev.forecourt.beta;

/** A class of another "service". */
public class BetaThing {
}
