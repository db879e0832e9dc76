/** Money helpers live in types/ so the app formats amounts exactly as the functions parse them. */
export { parseYuan, formatFen, yuanInput, fenAmount, MAX_FEN, type YuanParse } from '../../types/money'
