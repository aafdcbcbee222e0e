package vn.sohoa.app.node;

/**
 * What a node of the cluster does ({@code sohoa.node.role}, env {@code SOHOA_NODE_ROLE}). The jobs are rows in the
 * shared database and the files are in the shared object store, so adding a {@link #WORKER} adds OCR and signing
 * capacity with no other change.
 */
public enum NodeRole {
    /** The web UI and the REST API; jobs are put on the queue for the workers, never run here. */
    WEB,
    /** The durable jobs (OCR, copy deliveries, webhooks, register settling); HTTP serves health and metrics only. */
    WORKER,
    /** Both: the single-node default. */
    BOTH;

    public boolean servesUsers() {
        return this != WORKER;
    }

    public boolean runsJobs() {
        return this != WEB;
    }
}
