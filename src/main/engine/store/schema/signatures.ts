// Tables owned by the signatures feature. Part of migration 1, which is unreleased: edit freely until it ships.
export const SIGNATURES_SCHEMA = ``
