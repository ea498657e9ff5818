package dev.forecourt.bench;

/** Where the stack under test listens: the documented ports plus {@code FORECOURT_PORT_OFFSET}. */
record Stack(String host, int offset) {

    int gateway() {
        return 8080 + offset;
    }

    int hr() {
        return 8081 + offset;
    }

    int sales() {
        return 8082 + offset;
    }

    int workshop() {
        return 8083 + offset;
    }

    int parts() {
        return 8084 + offset;
    }

    int crm() {
        return 8086 + offset;
    }

    String kafka() {
        return host + ":" + (9092 + offset);
    }
}
