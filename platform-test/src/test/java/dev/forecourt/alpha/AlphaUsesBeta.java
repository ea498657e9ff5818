package dev.forecourt.alpha;

import dev.forecourt.beta.BetaThing;

/** Breaks the rules on purpose: one service importing another's class. */
public class AlphaUsesBeta {

    public BetaThing borrow() {
        return new BetaThing();
    }
}
