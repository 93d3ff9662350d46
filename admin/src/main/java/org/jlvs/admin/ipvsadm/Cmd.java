package org.jlvs.admin.ipvsadm;

/** ipvsadm's commands, named as its messages name them. */
enum Cmd {
    ADD("add-service"),
    EDIT("edit-service"),
    DEL("delete-service"),
    FLUSH("flush"),
    LIST("list"),
    ADDDEST("add-server"),
    DELDEST("delete-server"),
    EDITDEST("edit-server"),
    TIMEOUT("set"),
    STARTDAEMON("start-daemon"),
    STOPDAEMON("stop-daemon"),
    RESTORE("restore"),
    SAVE("save"),
    ZERO("zero");

    final String text;

    Cmd(String text) {
        this.text = text;
    }
}
