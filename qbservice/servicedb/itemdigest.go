package servicedb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
)

// noteItemsChanged makes the item list's digest anew, inside the
// transaction that changed the list: a hash of every item's values, in
// ListID order. A refresh that read the same list again keeps the digest.
func noteItemsChanged(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items ORDER BY list_id`)
	if err != nil {
		return err
	}
	h := sha256.New()
	var field [8]byte
	write := func(s string) {
		binary.LittleEndian.PutUint64(field[:], uint64(len(s)))
		h.Write(field[:])
		h.Write([]byte(s))
	}
	n := 0
	for rows.Next() {
		var id, name, kind, seq, desc string
		var active int
		if err := rows.Scan(&id, &name, &kind, &active, &seq, &desc); err != nil {
			rows.Close()
			return err
		}
		write(id)
		write(name)
		write(kind)
		write(seq)
		write(desc)
		if active != 0 {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
		n++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	binary.LittleEndian.PutUint64(field[:], uint64(n))
	h.Write(field[:])
	_, err = tx.ExecContext(ctx, `UPDATE item_list SET digest = ? WHERE id = 1`, hex.EncodeToString(h.Sum(nil)[:12]))
	return err
}

// ItemsDigest is the item list's digest ("" before it was first filled).
func (d *DB) ItemsDigest(ctx context.Context) (string, error) {
	var digest string
	err := d.db.QueryRowContext(ctx, `SELECT digest FROM item_list WHERE id = 1`).Scan(&digest)
	return digest, err
}
