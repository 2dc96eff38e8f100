// Tables owned by the tunnel feature. Part of migration 1, which is unreleased: edit freely until it ships.
export const TUNNEL_SCHEMA = ``
