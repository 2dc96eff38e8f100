// Tables owned by the forge feature. Part of migration 1, which is unreleased: edit freely until it ships.
export const FORGE_SCHEMA = ``
