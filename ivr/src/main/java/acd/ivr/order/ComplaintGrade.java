package acd.ivr.order;

/** How serious a complaint is (普通 / 升级 / 重大). An overdue step raises it by one. */
public enum ComplaintGrade {
    ORDINARY("普通"),
    ESCALATED("升级"),
    MAJOR("重大");

    private final String label;

    ComplaintGrade(String label) {
        this.label = label;
    }

    /** The grade's name on the floor. */
    public String label() {
        return label;
    }

    /** One grade up; a major complaint stays major. */
    public ComplaintGrade raised() {
        return this == MAJOR ? MAJOR : values()[ordinal() + 1];
    }
}
