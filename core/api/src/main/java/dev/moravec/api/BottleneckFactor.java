package dev.moravec.api;

/**
 * Why a task lags (DESIGN section 1): what it needs that reasoning models do not yet have. A scorer
 * names the factors that hold a task back, each with a strength ({@link Bottleneck}); a breakthrough
 * scenario relieves some of them.
 *
 * @since 1.3.0
 */
public enum BottleneckFactor {
    /** Hands, bodies, mobility, operating vehicles, tools and machines. */
    EMBODIMENT(Axis.TRANSFERABILITY, "hands, bodies, mobility, vehicles, tools and machines"),
    /** Perceiving the physical world or rich media: sight, sound, touch, video. */
    PERCEPTION(Axis.TRANSFERABILITY, "perceiving the physical world or rich media"),
    /** Being there with people: care, trust, persuasion, comfort, leading in person. */
    PRESENCE(Axis.TRANSFERABILITY, "being there with people: care, trust, persuasion, leading in person"),
    /** Know-how that is local, proprietary or never written down. */
    TACIT_KNOWLEDGE(Axis.TRANSFERABILITY, "know-how that is local, proprietary or never written down"),
    /** Reliably operating graphical or enterprise software, screen by screen. */
    COMPUTER_USE(Axis.TRANSFERABILITY, "reliably operating graphical or enterprise software, screen by screen"),
    /** Long multi-step projects whose parts must hold together over weeks. */
    LONG_HORIZON(Axis.VERIFICATION_COST, "long multi-step projects that must hold together over weeks"),
    /** Success that shows only through slow, rare or costly real-world outcomes. */
    SLOW_FEEDBACK(Axis.VERIFICATION_COST, "success that shows only through slow, rare or costly outcomes"),
    /** Quality judged by human taste without consensus. */
    TASTE(Axis.VERIFICATION_COST, "quality judged by human taste without consensus");

    private final Axis axis;
    private final String meaning;

    BottleneckFactor(Axis axis, String meaning) {
        this.axis = axis;
        this.meaning = meaning;
    }

    /**
     * The axis this factor mostly weighs on: a factor of transferability keeps the know-how out of
     * text; one of verification cost makes an attempt costly to check.
     *
     * @return the axis
     */
    public Axis axis() {
        return axis;
    }

    /**
     * What the task needs, in a few words, as reports show it.
     *
     * @return the meaning
     */
    public String meaning() {
        return meaning;
    }
}
