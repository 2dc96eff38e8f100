// Tables owned by the deliveries feature. Part of migration 1, which is unreleased: edit freely until it ships.
export const DELIVERIES_SCHEMA = ``
