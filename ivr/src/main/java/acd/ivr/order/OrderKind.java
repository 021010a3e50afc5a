package acd.ivr.order;

/** What a work order is about; the kind sets which deadlines it has. */
public enum OrderKind {
    /** A fault the caller reported in the IVR or to an agent: fixed by its fault kind's due time. */
    FAULT,
    /** A complaint, graded: its grade sets every deadline. */
    COMPLAINT,
    /** A question not answered on the call: a reply is due within hours. */
    QUESTION,
    /** A dissatisfied survey answer: a team lead's call-back, then a revisit. */
    FOLLOW_UP
}
