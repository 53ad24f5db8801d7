package servicedb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
)

// noteItemsChanged forgets the item list's digest, inside the
// transaction that changed the list: the next read of the list makes it
// anew (ItemsDigest). Not made here: a refresh's last commit is the
// service's longest, and the digest waits for the app's read anyway.
func noteItemsChanged(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE item_list SET digest = '' WHERE id = 1`)
	return err
}

// makeDigest is the list's digest: a hash of every item's values, in
// ListID order. The same list read again has the same digest.
func makeDigest(ctx context.Context, tx *sql.Tx) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT list_id, full_name, type, is_active, edit_sequence, description FROM items ORDER BY list_id`)
	if err != nil {
		return "", err
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
			return "", err
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
		return "", err
	}
	binary.LittleEndian.PutUint64(field[:], uint64(n))
	h.Write(field[:])
	return hex.EncodeToString(h.Sum(nil)[:12]), nil
}

// ItemsDigest is the item list's digest, made when the list changed
// since it was last asked for.
func (d *DB) ItemsDigest(ctx context.Context) (string, error) {
	var digest string
	if err := d.db.QueryRowContext(ctx, `SELECT digest FROM item_list WHERE id = 1`).Scan(&digest); err != nil || digest != "" {
		return digest, err
	}
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if digest, err = makeDigest(ctx, tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE item_list SET digest = ? WHERE id = 1`, digest)
		return err
	})
	return digest, err
}
